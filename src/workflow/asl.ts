/**
 * The subset of the Amazon States Language the generators emit, typed so a misspelt field fails to
 * compile. Both query languages share these shapes; a JSONata state uses `Arguments`/`Output`/
 * `Condition`, a JSONPath state `Parameters`/`ResultPath`/`Variable`.
 */

/** A JSON value, as a definition or a state's data holds it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type QueryLanguage = 'JSONPath' | 'JSONata';

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string;
  Output?: JsonValue;
  Assign?: JsonObject;
}

interface Flow {
  Next?: string;
  End?: boolean;
  Comment?: string;
}

export interface TaskState extends Flow {
  Type: 'Task';
  Resource: string;
  Parameters?: JsonObject;
  Arguments?: JsonObject | string;
  ResultSelector?: JsonObject;
  ResultPath?: string | null;
  OutputPath?: string;
  Output?: JsonValue;
  Assign?: JsonObject;
  TimeoutSeconds?: number;
  Retry?: Retrier[];
  Catch?: Catcher[];
}

export interface PassState extends Flow {
  Type: 'Pass';
  Parameters?: JsonObject;
  Result?: JsonValue;
  ResultPath?: string | null;
  OutputPath?: string;
  Output?: JsonValue;
  Assign?: JsonObject;
}

export interface WaitState extends Flow {
  Type: 'Wait';
  Seconds?: number | string;
  SecondsPath?: string;
  Assign?: JsonObject;
}

/** A JSONPath Choice rule (only the comparisons the generators use) or a JSONata condition. */
export interface ChoiceRule {
  Next?: string;
  Variable?: string;
  StringEquals?: string;
  StringMatches?: string;
  BooleanEquals?: boolean;
  NumericLessThan?: number;
  NumericGreaterThanEquals?: number;
  IsPresent?: boolean;
  Or?: ChoiceRule[];
  And?: ChoiceRule[];
  Not?: ChoiceRule;
  Condition?: string;
  Assign?: JsonObject;
  Output?: JsonValue;
}

export interface ChoiceState {
  Type: 'Choice';
  Choices: ChoiceRule[];
  Default?: string;
  Comment?: string;
  Assign?: JsonObject;
}

export interface MapState extends Flow {
  Type: 'Map';
  ItemsPath?: string;
  Items?: string;
  ItemSelector?: JsonObject;
  ItemProcessor: { ProcessorConfig?: { Mode: 'INLINE' }; StartAt: string; States: Record<string, State> };
  MaxConcurrency?: number;
  ResultPath?: string | null;
  ResultSelector?: JsonObject;
  Output?: JsonValue;
  Assign?: JsonObject;
  Catch?: Catcher[];
}

export interface SucceedState {
  Type: 'Succeed';
  Comment?: string;
  OutputPath?: string;
  Output?: JsonValue;
}

export interface FailState {
  Type: 'Fail';
  Comment?: string;
  Error?: string;
  Cause?: string;
  CausePath?: string;
  ErrorPath?: string;
}

export type State = TaskState | PassState | WaitState | ChoiceState | MapState | SucceedState | FailState;

/** A whole state machine definition. */
export interface StateMachineDefinition {
  Comment?: string;
  QueryLanguage?: QueryLanguage;
  StartAt: string;
  TimeoutSeconds?: number;
  States: Record<string, State>;
}
