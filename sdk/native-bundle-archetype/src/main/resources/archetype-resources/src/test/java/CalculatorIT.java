package ${package};

import static org.junit.Assert.assertEquals;

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
}
