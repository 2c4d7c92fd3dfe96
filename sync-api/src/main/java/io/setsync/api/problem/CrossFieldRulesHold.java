package io.setsync.api.problem;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The constraint that a {@link CrossFieldRules} body breaks none of its rules. */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CrossFieldRulesValidator.class)
public @interface CrossFieldRulesHold {

  String message() default "is invalid";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
