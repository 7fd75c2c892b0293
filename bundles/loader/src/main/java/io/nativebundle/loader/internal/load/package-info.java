/**
 * The load pipeline: manifest, admit, stage, verify, open, publish, with one undo path for a refusal
 * at any step.
 */
package io.nativebundle.loader.internal.load;
