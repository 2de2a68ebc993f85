import { Body, Controller, INestApplication, Module, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { IsString, MaxLength } from 'class-validator';
import request from 'supertest';
import { configureHttp } from '../bootstrap/bootstrap-service';

class NoteRequest {
  @IsString()
  @MaxLength(20)
  text!: string;
}

@Controller('notes')
class NotesController {
  @Post()
  create(@Body() body: NoteRequest) {
    return body;
  }
}

@Module({ controllers: [NotesController] })
class NotesModule {}

describe('input hygiene at every HTTP entry point', () => {
  let app: INestApplication;
  const post = (body: string) => request(app.getHttpServer()).post('/notes').set('content-type', 'application/json').send(body);

  beforeAll(async () => {
    app = (await Test.createTestingModule({ imports: [NotesModule] }).compile()).createNestApplication({ bodyParser: false });
    configureHttp(app, { name: 'lien', bodyLimit: '1kb' });
    await app.init();
  });
  afterAll(async () => app?.close());

  it('given a body over the size limit, when posted, then 413 problem details', async () => {
    const response = await post(JSON.stringify({ text: 'x'.repeat(5000) })).expect(413);
    expect(response.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('given malformed JSON quoting a name, when posted, then 400 without echoing the payload', async () => {
    const response = await post('{"text": Zoé Fictive}').expect(400);
    expect(JSON.stringify(response.body)).not.toContain('Zoé');
  });

  it('given an unknown field, when posted, then 400 names the field', async () => {
    const response = await post(JSON.stringify({ text: 'ok', childName: 'Zoé' })).expect(400);
    expect(response.body.errors).toEqual([{ field: 'childName', message: 'property childName should not exist' }]);
  });

  it('given an oversized text, when posted, then 400 names the field without echoing its value', async () => {
    const response = await post(JSON.stringify({ text: 'Zoé Fictive habite rue des Lilas' })).expect(400);
    expect(response.body.errors[0].field).toBe('text');
    expect(JSON.stringify(response.body)).not.toContain('Lilas');
  });

  it('given a valid body, when posted, then it passes', async () => {
    await post(JSON.stringify({ text: 'ok' })).expect(201);
  });
});
