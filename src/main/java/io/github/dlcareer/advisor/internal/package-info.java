/**
 * Internal: the engine, the readers and the writers behind the public API. Not an API: anything here may
 * change without notice. Embedding applications use {@code io.github.dlcareer.advisor} only.
 */
package io.github.dlcareer.advisor.internal;
