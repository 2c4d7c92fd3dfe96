package io.setsync.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class SyncFailureTests {

  @Test
  void findsTheFailureInACauseChain() {
    SyncFailure notFound = new SyncFailure(ErrorCode.NOT_FOUND, "no such artist");

    SyncFailure found = SyncFailure.of(new IllegalStateException("wrapped", notFound));

    assertThat(found).isSameAs(notFound);
    assertThat(found.retryable()).isFalse();
  }

  @Test
  void anythingElseIsARetryableInternalFailure() {
    SyncFailure failure =
        SyncFailure.of(new UncheckedIOException("disk", new java.io.IOException("full")));

    assertThat(failure.code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).contains("disk");
  }

  @Test
  void onlyNotFoundAndInvalidRequestAreFinalByDefault() {
    assertThat(ErrorCode.values())
        .filteredOn(code -> !code.retryableByDefault())
        .containsExactlyInAnyOrder(ErrorCode.NOT_FOUND, ErrorCode.INVALID_REQUEST);
  }
}
