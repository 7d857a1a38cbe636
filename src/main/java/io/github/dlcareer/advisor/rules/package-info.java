/**
 * The types that rule files see besides {@link io.github.dlcareer.advisor.Profile}: the {@link Evidence}
 * global through which a rule supports or weakens a recommendation, and the derived {@link Finding} facts
 * that classification rules insert. Public because Drools must reach them; Java callers do not need them.
 */
package io.github.dlcareer.advisor.rules;
