package ${package};

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import io.nativebundle.testkit.NativeBundleTestKit;

/**
 * Loads this module's bundle into a real Felix with the nativebundle runtime and calls the C
 * library through the service the runtime registers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CalculatorIT {

    @Inject
    @Filter("(nativebundle.library=${artifactId})")
    private Calculator calculator;

    @Configuration
    public Option[] config() {
        return NativeBundleTestKit.options();
    }

    @Test
    public void addsInC() {
        assertEquals(5, calculator.add(2, 3));
        assertEquals(-1, calculator.add(Integer.MAX_VALUE, Integer.MIN_VALUE));
    }

    @Test
    public void dividesInCByValueAndByPointer() {
        Calculator.Division d = calculator.divide(17, 5);
        assertEquals(3, d.quot.get());
        assertEquals(2, d.rem.get());
        Calculator.Division negative = calculator.divide(-17, 5);
        assertNotSame("a new struct per call", d, negative);
        assertEquals(-3, negative.quot.get());
        assertEquals(-2, negative.rem.get());
        Calculator.Division undefined = calculator.divide(7, 0);
        assertEquals(0, undefined.quot.get());
        assertEquals(0, undefined.rem.get());

        Calculator.Division into = new Calculator.Division(jnr.ffi.Runtime.getSystemRuntime());
        assertEquals(0, calculator.divide_into(17, -5, into));
        assertEquals(-3, into.quot.get());
        assertEquals(2, into.rem.get());
        assertEquals(-1, calculator.divide_into(Integer.MIN_VALUE, -1, into));
        assertEquals(-1, calculator.divide_into(1, 0, into));
    }
}
