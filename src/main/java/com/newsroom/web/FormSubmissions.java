package com.newsroom.web;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place a broken rule ({@link RuleViolation}) becomes a response: the form's page once more, with the
 * violation's status (422 unless the rule says otherwise), the message beside its field or above its form, and
 * what was typed put back by the page builder. Nothing was saved: the command's transaction rolled back when the
 * violation left it. Controllers hand over the command and the way to draw the form; they catch nothing.
 */
public final class FormSubmissions {

    /** Runs a form's command; answers the view to go to when it succeeded (usually "redirect:..."). */
    @FunctionalInterface
    public interface Command {

        String run();
    }

    private FormSubmissions() {
    }

    /** A form bound to a record: the message goes into {@code errors}, beside its field (or the whole form). */
    public static ModelAndView submit(BindingResult errors, Command command, Supplier<String> formAgain) {
        return submit(command, formAgain, violation -> {
            if (violation.field() == null) {
                errors.reject(violation.messageKey());
            }
            else {
                errors.rejectValue(violation.field(), violation.messageKey());
            }
        });
    }

    /**
     * A form of loose fields (several small forms on one page): the message key goes into the model as
     * {@code errorAttribute}, which the page shows beside the form it belongs to, and, when the rule names a field,
     * also as {@code <field>Refused}, for a page that shows it beside that field.
     */
    public static ModelAndView submit(Model model, String errorAttribute, Command command, Supplier<String> formAgain) {
        return submit(command, formAgain, violation -> {
            model.addAttribute(errorAttribute, violation.messageKey());
            if (violation.field() != null) {
                model.addAttribute(violation.field() + "Refused", violation.messageKey());
            }
        });
    }

    /** A page drawn with a status other than 200: a form shown again, refused. */
    public static ModelAndView page(String view, HttpStatus status) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        return page;
    }

    private static ModelAndView submit(Command command, Supplier<String> formAgain, Consumer<RuleViolation> show) {
        try {
            return new ModelAndView(command.run());
        }
        catch (RuleViolation violation) {
            show.accept(violation);
            return page(formAgain.get(), violation.status());
        }
    }
}
