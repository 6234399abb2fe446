import type { Response } from 'express';
import type { FieldError } from './domain-error';

export const PROBLEM_BASE = 'https://rencontres.example/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export function problem(status: number, code: string, title: string, detail: string, errors?: FieldError[]): Problem {
  return { type: PROBLEM_BASE + code, title, status, detail, ...(errors && errors.length ? { errors } : {}) };
}

export function sendProblem(res: Response, body: Problem, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(body.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}
