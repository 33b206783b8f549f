package ai.lyss.core.http;

/**
 * How a request ended, decided once by the pipeline so every signal tells the same story.
 * Client-caused endings are never server errors: they must not raise the 5xx rate, mark a span as
 * an error or write an ERROR line.
 */
public enum Outcome {
  /** The handler returned; the status is the one sent, whatever it is. */
  COMPLETED,
  /** The handler threw a server-side error; status 500 unless a status was already sent. */
  FAILED,
  /**
   * The handler failed because of the client (a malformed or cut-short request body); the status is
   * the one the client was sent, 400 unless the failure carried another 4xx.
   */
  CLIENT_ERROR,
  /**
   * The client went away before the response was complete; status 499 (nginx's "client closed
   * request").
   */
  ABORTED
}
