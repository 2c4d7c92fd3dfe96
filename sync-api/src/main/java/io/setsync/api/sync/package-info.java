/** The sync job model shared by the request, status, outbox and projector features. */
package io.setsync.api.sync;
