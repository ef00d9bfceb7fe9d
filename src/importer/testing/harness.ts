/**
 * Test helpers for the importer: a command I/O that records what it prints, temporary output folders,
 * and reading a value out of a record by path. Used by the importer's tests only.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CommandIo } from '../command.ts';

/** A {@link CommandIo} that keeps what was printed, with a fixed date. */
export interface RecordingIo extends CommandIo {
  /** Everything printed to stdout. */
  readonly stdout: string[];
  /** Everything printed to stderr. */
  readonly stderr: string[];
}

/** Creates a recording I/O whose today is `today`. */
export function createRecordingIo(today = '2026-11-22'): RecordingIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    today: () => today,
  };
}

/** A fresh temporary folder; remove it with {@link removeFolder}. */
export function createTemporaryFolder(prefix = 'offlabel-import-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Removes a temporary folder and everything in it. */
export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/** The names of the files in a folder, hidden ones included, sorted. */
export function listFolder(folder: string): string[] {
  return readdirSync(folder).sort();
}

/** Reads a value out of nested objects and arrays by path. */
export function readValueAtPath(root: unknown, segments: readonly (string | number)[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
