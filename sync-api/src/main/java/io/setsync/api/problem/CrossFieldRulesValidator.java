package io.setsync.api.problem;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/**
 * Reports each rule a {@link CrossFieldRules} body breaks as a violation of the field it names
 * (Spring's {@code FieldError}), or of the body as a whole (an {@code ObjectError}) without one.
 */
class CrossFieldRulesValidator
    implements ConstraintValidator<CrossFieldRulesHold, CrossFieldRules> {

  @Override
  public boolean isValid(CrossFieldRules body, ConstraintValidatorContext context) {
    List<InvalidField> broken = body == null ? List.of() : body.brokenRules();
    if (broken.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    for (InvalidField rule : broken) {
      var violation = context.buildConstraintViolationWithTemplate(literal(rule.message()));
      if (rule.field() == null) {
        violation.addConstraintViolation();
      } else {
        violation.addPropertyNode(rule.field()).addConstraintViolation();
      }
    }
    return false;
  }

  // The messages are plain text, not message templates: braces and $ stand for themselves.
  private static String literal(String message) {
    return message.replaceAll("([\\\\{}$])", "\\\\$1");
  }
}
