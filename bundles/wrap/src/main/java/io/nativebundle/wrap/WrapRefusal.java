package io.nativebundle.wrap;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Why a dropped descriptor was not installed: the latest refusal of one {@code .nativebundle} file.
 *
 * @param descriptor the descriptor file, absolute
 * @param line       the line of the problem, from 1; 0 when the problem is not in the text (e.g. an I/O error)
 * @param column     the column of the problem, from 1; 0 when the problem is not in the text
 * @param message    the whole message, {@code <file>:<line>:<column>: <reason>}
 * @param time       when it was refused
 */
public record WrapRefusal(Path descriptor, int line, int column, String message, Instant time) {
}
