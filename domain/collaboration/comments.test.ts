import { describe, expect, it } from 'vitest';
import { CreateComment, UpdateComment } from './comments';

const entityId = '11111111-1111-4111-8111-111111111111';

describe('comment input', () => {
  it('trims the body and accepts 1 to 10,000 characters', () => {
    expect(CreateComment.parse({ entityType: 'goal', entityId, body: '  hi  ' }).body).toBe('hi');
    expect(UpdateComment.safeParse({ body: 'x'.repeat(10_000) }).success).toBe(true);
    expect(UpdateComment.safeParse({ body: 'x'.repeat(10_001) }).success).toBe(false);
    expect(UpdateComment.safeParse({ body: '   ' }).success).toBe(false);
  });

  it('needs an entity type and a UUID', () => {
    expect(CreateComment.safeParse({ entityType: '', entityId, body: 'x' }).success).toBe(false);
    expect(CreateComment.safeParse({ entityType: 'goal', entityId: '42', body: 'x' }).success).toBe(false);
  });
});
