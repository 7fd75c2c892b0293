package io.nativebundle.loader.internal.verify;

import io.nativebundle.loader.internal.LoadRefusal;

/** One check of the native files of a bundle before {@code dlopen}; the loader and the verifier run the same ones. */
interface BinaryCheck {

    /** @return the check's name in a verification report, e.g. {@code machine} */
    String name();

    /**
     * @return what was checked, for the report's PASS line
     * @throws LoadRefusal with the check's reason and a message naming the file, what was expected and what was found
     */
    String check(CheckSubject subject) throws LoadRefusal;
}
