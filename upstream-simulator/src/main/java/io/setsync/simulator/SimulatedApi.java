package io.setsync.simulator;

/** One upstream's endpoints, auth and error shapes. */
interface SimulatedApi {

  /** The endpoint name a path maps to, as counted in stats; "unknown" when none. */
  String endpoint(String path);

  /** An error answer when the request lacks valid credentials, otherwise null. */
  Response authenticate(Request request);

  Response handle(Request request, String endpoint);

  Response rateLimited(long retryAfterSeconds);

  Response injectedError(Request request, int status);

  Response methodNotAllowed();

  /** Adds the headers this upstream puts on every answer. */
  default Response decorate(Response response) {
    return response;
  }
}
