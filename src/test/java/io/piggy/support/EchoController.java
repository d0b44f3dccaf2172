package io.piggy.support;

import io.piggy.shared.api.Envelope;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Test-only: answers with the body as the controllers see it, to compare the three encodings. */
@Hidden
@RestController
class EchoController {
    @PostMapping(Api.PREFIX + "/test-echo")
    Envelope<JsonNode> post(@RequestBody JsonNode body) {
        return Envelope.of(body);
    }

    @PutMapping(Api.PREFIX + "/test-echo")
    Envelope<JsonNode> put(@RequestBody JsonNode body) {
        return Envelope.of(body);
    }
}
