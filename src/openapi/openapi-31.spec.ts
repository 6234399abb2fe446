import { toOpenApi31 } from './openapi-31';

const document = (schemas: Record<string, unknown>) => toOpenApi31({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas } } as never);

describe('toOpenApi31', () => {
  it('lets a nullable nested object be null (3.0 could not beside allOf: [$ref])', () => {
    const out = document({
      Event: { type: 'object', properties: { venue: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Venue' }], description: 'd' } } },
    });
    expect(out.openapi).toBe('3.1.0');
    expect((out.components!.schemas!.Event as any).properties.venue).toEqual({
      description: 'd',
      anyOf: [{ $ref: '#/components/schemas/Venue' }, { type: 'null' }],
    });
  });

  it('turns nullable values into type arrays, enums included, and leaves the rest alone', () => {
    const out = document({
      S: {
        type: 'object',
        properties: {
          roomId: { type: 'string', format: 'uuid', nullable: true },
          mode: { type: 'string', enum: ['onsite', 'online'], nullable: true },
          seats: { type: 'integer' },
          list: { type: 'array', items: { type: 'number', nullable: true } },
        },
      },
    });
    expect((out.components!.schemas!.S as any).properties).toEqual({
      roomId: { type: ['string', 'null'], format: 'uuid' },
      mode: { type: ['string', 'null'], enum: ['onsite', 'online', null] },
      seats: { type: 'integer' },
      list: { type: 'array', items: { type: ['number', 'null'] } },
    });
  });
});
