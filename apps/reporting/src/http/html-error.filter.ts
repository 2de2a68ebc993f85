import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemDetailsFilter } from '@lien/shared-platform';
import { page, PAGE_SECURITY_HEADERS } from '../views/html';
import { errorPage } from '../views/login-page';

/** Pages answer errors as pages, with the same status and the same words as the API's problem details. */
@Catch()
export class HtmlErrorFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = this.problems.toProblem(error);
    const response = host.switchToHttp().getResponse<Response>();
    response.status(problem.status).set(PAGE_SECURITY_HEADERS).type('html');
    response.send(page({ title: problem.title }, errorPage(problem.status, problem.title, problem.detail)));
  }
}
