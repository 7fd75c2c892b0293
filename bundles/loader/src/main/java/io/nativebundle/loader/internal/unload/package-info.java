/**
 * The end of a generation: cut its guards, wait until the objects it adopted are collected (told by a
 * reference queue), close what the backend opened, delete the folder; lingering generations are reaped.
 */
package io.nativebundle.loader.internal.unload;
