import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../src/api/problem';
import { EventParser } from '../src/api/sse';
import { allows, rolesOf } from '../src/auth/roles';

describe('ApiProblem', () => {
  const problem = new ApiProblem(400, {
    title: 'The request is invalid',
    detail: 'two problems',
    errors: [
      { field: 'name', reason: 'is required' },
      { field: 'waves[0].name', reason: 'is blank' },
    ],
  });

  it('gives each field its reasons', () => {
    expect(problem.fieldError('name')).toBe('is required');
    expect(problem.fieldError('waves[0]')).toBeUndefined();
    expect(problem.fieldError('waves[0]', true)).toBe('waves[0].name: is blank');
  });
});

describe('EventParser', () => {
  it('reads events split across chunks, skips comments and keeps ids', () => {
    const parser = new EventParser();
    expect(parser.feed(': keep-alive\n\nevent: execution\nid: 7\nda')).toEqual([]);
    expect(parser.feed('ta: {"a":1}\n\n')).toEqual([{ event: 'execution', id: '7', data: '{"a":1}' }]);
    expect(parser.feed('data: x\r\ndata: y\r\n\r\n')).toEqual([{ event: 'message', id: '7', data: 'x\ny' }]);
  });
});

describe('roles', () => {
  it('climb the ladder', () => {
    expect(allows(['approver'], 'drill-operator')).toBe(true);
    expect(allows(['planner'], 'drill-operator')).toBe(false);
    expect(allows([], 'viewer')).toBe(false);
  });

  it('come from groups and drs/ scopes', () => {
    expect(rolesOf({ 'cognito:groups': ['planner'], scope: 'openid drs/approver' })).toEqual(['planner', 'approver']);
  });
});
