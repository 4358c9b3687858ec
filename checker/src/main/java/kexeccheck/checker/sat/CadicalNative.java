package kexeccheck.checker.sat;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The functions of {@code libkexeccheck-cadical.so}, bound by JNA's direct mapping (one JNI call per
 * method, no reflection per call): CaDiCaL's C API and the two batched calls of
 * {@code native/kexeccheck-cadical.c}. Bound once, by {@link CadicalLibrary}.
 */
final class CadicalNative {

    private CadicalNative() {}

    /** Binds the methods below to the library; throws {@link LinkageError} or {@link RuntimeException} if it cannot. */
    static void bind(NativeLibrary library) {
        Native.register(CadicalNative.class, library);
    }

    static native String ccadical_signature();

    /** {@code ccadical_init} with CaDiCaL's messages on stdout turned off ({@code quiet}). */
    static native Pointer kexeccheck_init();

    static native void ccadical_release(Pointer solver);

    /** 10 satisfiable, 20 unsatisfiable, 0 unknown (interrupted). */
    static native int ccadical_solve(Pointer solver);

    static native void kexeccheck_add_clause(Pointer solver, int[] literals, int n);

    static native void kexeccheck_values(Pointer solver, int n, byte[] out);
}
