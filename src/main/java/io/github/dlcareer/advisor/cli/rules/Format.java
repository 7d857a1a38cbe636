package io.github.dlcareer.advisor.cli.rules;

/** What {@code rules list} and {@code rules coverage} print: text to read, or JSON for tools. */
enum Format { text, json }
