package io.setsync.api.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The developer dashboard at {@code /}: the page {@code static/index.html} with its script and
 * stylesheet, served by the static resource handler (with its cache headers). Only browsers are
 * answered here; a client that accepts no HTML gets the API's 406 problem, not a page.
 */
@Hidden
@Controller
class DashboardController {

  @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
  String dashboard() {
    return "forward:/index.html";
  }
}
