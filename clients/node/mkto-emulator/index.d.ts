// Types of mkto-emulator (index.js, admin.js).

export interface StartOptions {
  bin?: string;
  args?: string[];
  adminToken?: string | false;
  scenario?: string;
  config?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export interface LoggedBody { size: number; text: string; truncated: boolean }

export interface Call {
  id: number; method: string; path: string; query?: string; status: number; code: number | null;
  counted: boolean; dropped: boolean; fault?: number; request_id: string; at: string; duration_us: number;
  client_id: string | null; user?: string; request_headers?: Record<string, string>;
  request_body: LoggedBody | null; response_type?: string; response_body: LoggedBody | null;
}

export interface CallFilters {
  path?: string; code?: number | number[]; method?: string; since?: string; after?: number; limit?: number;
  bodies?: boolean;
}

export interface FaultRule {
  method?: string; path: string; error?: string; http_status?: number; drop?: boolean; record_error?: string;
  records?: number; latency_ms?: number; times?: number; probability?: number;
}

export interface ActiveFault extends FaultRule { id: number; remaining: number | null; fired: number; active: boolean }

export type Tail = AsyncGenerator<Call, void, unknown> & { close(): Promise<IteratorResult<Call, void>> };

export class AdminError extends Error { status: number; reason: string }

export class AdminClient {
  constructor(adminUrl: string, adminToken?: string | null);
  call(method: string, path: string, options?: { query?: Record<string, unknown>; body?: unknown }): Promise<any>;
  health(): Promise<{ status: 'ok' }>;
  reset(to?: 'seed' | 'empty'): Promise<any>;
  seed(doc: { leads?: object[]; lists?: { id: number; name: string }[] }): Promise<{ leads: number[]; lists: number[] }>;
  now(): Promise<string>;
  advanceClock(seconds: number): Promise<string>;
  usage(): Promise<Record<string, number | string>>;
  addFault(rule: FaultRule): Promise<number>;
  addFaults(rules: FaultRule[]): Promise<number[]>;
  faults(): Promise<ActiveFault[]>;
  fault(id: number): Promise<ActiveFault>;
  removeFault(id: number): Promise<ActiveFault>;
  clearFaults(): Promise<any>;
  calls(filters?: CallFilters): Promise<Call[]>;
  lastCall(filters?: CallFilters): Promise<Call | null>;
  getCall(id: number): Promise<Call>;
  clearCalls(): Promise<any>;
  tail(filters?: CallFilters): Promise<Tail>;
  waitForCall(filters?: CallFilters, options?: { timeoutMs?: number }): Promise<Call>;
  data(what?: string, query?: Record<string, unknown>): Promise<any>;
  loadScenario(scenario: object): Promise<any>;
  scenario(): Promise<object | null>;
  forgetScenario(): Promise<{ forgotten: boolean }>;
}

export class Emulator {
  url: string; identityUrl: string; adminUrl: string; uiUrl: string; clientId: string; clientSecret: string;
  pid: number; admin: AdminClient; readonly adminToken: string | null;
  reset(to?: 'seed' | 'empty'): Promise<any>;
  seed(doc: object): Promise<{ leads: number[]; lists: number[] }>;
  calls(filters?: CallFilters): Promise<Call[]>;
  stop(timeoutMs?: number): Promise<void>;
}

export class EmulatorNotStarted extends Error {}

export function startEmulator(options?: StartOptions): Promise<Emulator>;
