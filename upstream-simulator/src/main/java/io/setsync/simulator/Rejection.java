package io.setsync.simulator;

/** Thrown while reading a request that the upstream would refuse; carries the refusal. */
final class Rejection extends RuntimeException {

  private final transient Response response;

  Rejection(Response response) {
    super(null, null, false, false);
    this.response = response;
  }

  Response response() {
    return response;
  }
}
