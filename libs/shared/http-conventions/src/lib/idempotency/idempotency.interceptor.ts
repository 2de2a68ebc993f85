import { applyDecorators, BadRequestException, CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { concatMap, from, Observable, of } from 'rxjs';
import { IdempotencyKeyReused, IdempotencyRequest, IdempotencyStore, IdempotentRequestInProgress } from './idempotency-store.port';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const KEY_SYNTAX = /^[\x21-\x7e]{1,255}$/;
/** Headers of the first answer that a replay repeats. */
const REPLAYED_HEADERS = ['etag', 'location'];

interface ScopedRequest extends Request {
  principal?: { readonly userId: string };
}

/**
 * Makes a creating POST safe to retry: the same `Idempotency-Key` with the same body gets the first
 * answer again (with `Idempotent-Replayed: true`) and nothing runs twice; with another body, 422.
 * Without the header the request runs as usual.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<ScopedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (header === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || !KEY_SYNTAX.test(key)) {
      throw new BadRequestException({ errors: [{ field: IDEMPOTENCY_KEY_HEADER, message: 'Idempotency-Key must be 1 to 255 visible ASCII characters' }] });
    }
    const scoped: IdempotencyRequest = {
      scope: `${request.principal?.userId ?? 'anonymous'} ${request.method} ${request.originalUrl.split('?')[0]}`,
      key,
      fingerprint: createHash('sha256').update(canonicalJson(request.body ?? null)).digest('hex'),
    };
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return from(this.store.claim(scoped)).pipe(
      concatMap((claim) => {
        if (claim.outcome === 'mismatch') throw new IdempotencyKeyReused();
        if (claim.outcome === 'in-progress') throw new IdempotentRequestInProgress();
        if (claim.outcome === 'replay') {
          for (const [name, value] of Object.entries(claim.response.headers)) response.setHeader(name, value);
          response.setHeader('Idempotent-Replayed', 'true');
          return of(claim.response.body);
        }
        return from(this.runOnce(next, scoped, response, status));
      }),
    );
  }

  private async runOnce(next: CallHandler, scoped: IdempotencyRequest, response: Response, status: number): Promise<unknown> {
    let body: unknown;
    try {
      body = await new Promise((resolve, reject) => next.handle().subscribe({ next: resolve, error: reject }));
    } catch (error) {
      await this.store.release(scoped);
      throw error;
    }
    const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => {
      const value = response.getHeader(name);
      return value === undefined ? [] : [[name, String(value)]];
    }));
    await this.store.complete(scoped, { status, headers, body });
    return body;
  }
}

/** Key order does not make another request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Marks a creating route as safe to retry with an `Idempotency-Key`. */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Clé unique par opération (un UUID par exemple) : un nouvel envoi avec la même clé et le même corps renvoie la première réponse.' }),
    ApiResponse({ status: 422, description: 'Clé déjà utilisée pour une autre requête (IDEMPOTENCY_KEY_REUSED).' }),
    ApiResponse({ status: 409, description: 'Première requête avec cette clé encore en cours (IDEMPOTENCY_KEY_IN_PROGRESS).' }),
  );
