package io.setsync.worker.runtime.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A worker for the runtime's tests: venues, stored by {@link SampleHandler}. */
@SpringBootApplication
class SampleWorkerApplication {}
