package kexeccheck.report.gate;

import kexeccheck.checker.CheckRequest;
import kexeccheck.trace.Outcome;

/**
 * One check of a gate configuration, ready to run.
 *
 * @param name the check's name (unique in the file; the JUnit test case's name)
 * @param model the model as written in the file (what fingerprints use)
 * @param request the request to check, with an {@code .als} path resolved against the file's folder
 * @param expect the outcome class the check is expected to have
 * @param coverage whether the vacuity guard runs too ({@code check --coverage}): an event the options
 *     allow that never happens, a profile that never boots or a channel that never delivers fails it
 */
public record GateCheck(String name, String model, CheckRequest request, Outcome expect, boolean coverage) {}
