package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.attribute.AttributeOption;
import io.piggy.shared.attribute.AttributeValuesTest;
import io.piggy.support.Api;
import io.piggy.support.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.piggy.contact.ContactCalls.createAttribute;
import static io.piggy.contact.ContactCalls.createContact;
import static io.piggy.contact.ContactCalls.setAttributes;
import static io.piggy.support.Api.PREFIX;
import static io.piggy.support.Api.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactAttributesIT extends ApiIT {
    @Autowired
    ContactAttributeService service;
    @Autowired
    ContactDirectory directory;
    @Autowired
    TransactionTemplate transactions;
    static final List<Map<String, Object>> COLORS = List.of(Map.of("label", "Blue", "value", 100), Map.of("label", "Red", "value", "red"));

    @Test
    void everyAccountHasPiggysPredefinedAttributes() {
        Api api = as(newAccount("Attributes predefined"));
        Api.Response r = api.get(PREFIX + "/contact-attributes");
        assertThat(r.status()).isEqualTo(200);
        Map<String, JsonNode> byName = byName(r.data());
        assertThat(byName).containsKeys("firstname", "lastname", "birthdate", "phonenumber", "address", "email",
                "loyalty_balance", "created_at");
        assertThat(byName.get("firstname").get("is_piggy_defined").asBoolean()).isTrue();
        assertThat(byName.get("firstname").get("is_hard_read_only").asBoolean()).isFalse();
        assertThat(byName.get("firstname").get("can_be_deleted").asBoolean()).isFalse();
        assertThat(byName.get("birthdate").get("type").asString()).isEqualTo("birth_date");
        assertThat(byName.get("phonenumber").get("type").asString()).isEqualTo("phone");
        assertThat(byName.get("loyalty_balance").get("is_hard_read_only").asBoolean()).isTrue();
        assertThat(byName.get("email").get("is_soft_read_only").asBoolean()).isTrue();
        assertThat(r.data().get(0).has("entity")).isFalse();
    }

    @Test
    void createAnswersTypeAndOptionsAsStrings() {
        Api api = as(newAccount("Attributes create"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "favorite_color");
        body.put("label", "Your Favorite Color");
        body.put("data_type", "select");
        body.put("description", "some description");
        body.put("options", COLORS);
        Api.Response r = api.postJson(PREFIX + "/contact-attributes", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode a = r.data();
        assertThat(a.get("type").asString()).isEqualTo("select");
        assertThat(a.has("data_type")).isFalse();
        assertThat(a.get("is_piggy_defined").asBoolean()).isFalse();
        assertThat(a.get("can_be_deleted").asBoolean()).isTrue();
        assertThat(a.get("options").get(0).get("value").isString()).isTrue();
        assertThat(a.get("options").get(0).get("value").asString()).isEqualTo("100");
        assertThat(a.get("options").get(0).get("label").asString()).isEqualTo("Blue");
        assertThat(a.get("options").get(0).has("media")).isTrue();
        assertThat(a.get("id").asLong()).isPositive();
        assertThat(a.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
        assertThat(byName(api.get(PREFIX + "/contact-attributes").data())).containsKey("favorite_color");

        // the PHP SDK's tests send {name, value} options, as a form
        Api.Response form = api.form("POST", PREFIX + "/contact-attributes", List.of(field("name", "size"),
                field("label", "Size"), field("data_type", "multi_select"), field("options[0][name]", "Small"),
                field("options[0][value]", "s"), field("options[1][name]", "Large"), field("options[1][value]", "l")));
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.data().get("options").get(1).get("label").asString()).isEqualTo("Large");
    }

    @Test
    void createErrors() {
        Api api = as(newAccount("Attributes errors"));
        assertThat(createAttribute(api, "nickname", "text", null).status()).isEqualTo(200);
        Api.Response duplicate = createAttribute(api, "nickname", "long_text", null);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo(60009);
        assertThat(createAttribute(api, "firstname", "text", null).code()).as("predefined names are taken").isEqualTo(60009);

        Api.Response badType = createAttribute(api, "x1", "string", null);
        assertThat(badType.code()).isEqualTo(1003);
        assertThat(badType.json().get("errors").has("data_type")).isTrue();
        assertThat(createAttribute(api, "Has Spaces", "text", null).code()).isEqualTo(1003);
        assertThat(createAttribute(api, null, "text", null).code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/contact-attributes", Map.of("name", "no_type")).code()).isEqualTo(1003);
        Api.Response noOptions = createAttribute(api, "pick", "select", null);
        assertThat(noOptions.code()).isEqualTo(1003);
        assertThat(noOptions.json().get("errors").has("options")).isTrue();
        assertThat(createAttribute(api, "pick", "select", List.of(Map.of("value", "a"), Map.of("value", "a"))).code())
                .isEqualTo(1003);
    }

    /** Piggy's PHP SDK maps group.position (int), group.label and description (strings) as required. */
    @Test
    void predefinedAttributesCarryWhatThePhpSdkRequires() {
        Api api = as(newAccount("SDK attribute shape"));
        Api.Response list = api.get(PREFIX + "/custom-attributes?entity=contact");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        int predefined = 0;
        for (JsonNode a : list.data()) {
            if (!a.get("is_piggy_defined").asBoolean()) {
                continue;
            }
            predefined++;
            String name = a.get("name").asString();
            assertThat(a.get("description").isString()).as(name + " description").isTrue();
            assertThat(a.get("group").isObject()).as(name + " group").isTrue();
            assertThat(a.get("group").get("position").isIntegralNumber()).as(name + " group.position").isTrue();
            assertThat(a.get("group").get("label").isString()).as(name + " group.label").isTrue();
        }
        assertThat(predefined).isGreaterThan(0);
    }

    @Test
    void genericCustomAttributesForContacts() {
        Api api = as(newAccount("Custom attributes"));
        Api.Response created = api.postJson(PREFIX + "/custom-attributes", Map.of("entity", "contact", "name", "shoe_size",
                "label", "Shoe size", "type", "number", "group_name", "body"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.data().get("entity").asString()).isEqualTo("contact");
        assertThat(created.data().get("group").get("name").asString()).isEqualTo("body");

        Api.Response list = api.get(PREFIX + "/custom-attributes?entity=contact");
        assertThat(byName(list.data())).containsKeys("shoe_size", "firstname");
        assertThat(list.data().get(0).get("entity").asString()).isEqualTo("contact");

        Api.Response updated = api.putJson(PREFIX + "/custom-attributes/shoe_size", Map.of("entity", "contact",
                "label", "Shoe size (EU)", "description", "European sizes"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.data().get("label").asString()).isEqualTo("Shoe size (EU)");
        assertThat(updated.data().get("type").asString()).isEqualTo("number");
        assertThat(updated.data().get("group_name").asString()).isEqualTo("body");
        assertThat(api.putJson(PREFIX + "/custom-attributes/firstname", Map.of("entity", "contact", "label", "Voornaam"))
                .data().get("label").asString()).isEqualTo("Voornaam");

        createAttribute(api, "tone", "select", List.of(Map.of("label", "Warm", "value", "warm")));
        Api.Response newOptions = api.putJson(PREFIX + "/custom-attributes/tone", Map.of("entity", "contact",
                "options", List.of(Map.of("label", "Warm", "value", "warm"), Map.of("label", "Cool", "value", "cool"))));
        assertThat(newOptions.data().get("options")).hasSize(2);

        assertThat(api.putJson(PREFIX + "/custom-attributes/nope", Map.of("entity", "contact", "label", "x")).code()).isEqualTo(60013);
        assertThat(api.get(PREFIX + "/custom-attributes").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/custom-attributes?entity=reward").code()).isEqualTo(1003);
        assertThat(api.get(PREFIX + "/custom-attributes?entity=planet").code()).isEqualTo(1003);
        assertThat(api.postJson(PREFIX + "/custom-attributes", Map.of("name", "a", "type", "text")).code()).isEqualTo(1003);
        Api.Response badType = api.postJson(PREFIX + "/custom-attributes", Map.of("entity", "contact", "name", "a", "type", "blob"));
        assertThat(badType.json().get("errors").has("type")).isTrue();
        assertThat(api.postJson(PREFIX + "/custom-attributes", Map.of("entity", "contact", "name", "shoe_size",
                "type", "text")).code()).isEqualTo(60009);
        assertThat(api.putJson(PREFIX + "/custom-attributes/shoe_size", Map.of("label", "x")).code()).isEqualTo(1003);
    }

    /** One attribute of every type; each takes a good value over HTTP and refuses a bad one with an error on its name. */
    @Test
    void everyTypeOverHttp() {
        Api api = as(newAccount("Attributes all types"));
        Map<String, Object> good = new LinkedHashMap<>();
        Map<String, Object> bad = new LinkedHashMap<>();
        AttributeValuesTest.CASES.forEach((type, cases) -> {
            String name = "a_" + type.apiName();
            Api.Response created = createAttribute(api, name, type.apiName(), type.hasOptions() ? COLORS : null);
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            good.put(name, cases.good().keySet().iterator().next());
            bad.put(name, cases.bad().get(0));
        });
        String contact = createContact(api, "types@example.com");
        Api.Response saved = setAttributes(api, contact, good);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode values = saved.data().get("current_values");
        // the good sample may be a number or a numeric string, whichever the cases map yields first
        assertThat(values.get("a_number").asLong())
                .isEqualTo(new java.math.BigDecimal(String.valueOf(good.get("a_number"))).longValue());
        assertThat(values.get("a_boolean").isBoolean()).isTrue();
        assertThat(values.get("a_color").asString()).isEqualTo(((String) good.get("a_color")).toLowerCase());
        good.keySet().forEach(name -> assertThat(values.has(name)).as(name).isTrue());

        Api.Response refused = setAttributes(api, contact, bad);
        assertThat(refused.code()).isEqualTo(1003);
        assertThat(refused.json().get("errors").propertyNames())
                .containsExactlyInAnyOrderElementsOf(bad.keySet().stream().map(n -> "attributes." + n).toList());

        Map<String, Object> cleared = new HashMap<>();
        good.keySet().forEach(name -> cleared.put(name, ""));
        JsonNode after = setAttributes(api, contact, cleared).data().get("current_values");
        good.keySet().forEach(name -> assertThat(after.has(name)).as(name).isFalse());
    }

    @Test
    void theAttributeServiceValidatesAndSavesForOtherFeatures() {
        TestAccount account = newAccount("Attributes service");
        Api api = as(account);
        createAttribute(api, "favorite_color", "select", COLORS);
        AccountId id = new AccountId(UUID.fromString(account.uuid()));
        assertThat(service.attributes(id)).extracting(ContactAttribute::name).contains("firstname", "favorite_color");
        ContactAttribute color = service.attributes(id).stream().filter(a -> a.name().equals("favorite_color")).findFirst().orElseThrow();
        assertThat(color.type()).isEqualTo("select");
        assertThat(color.options()).extracting(AttributeOption::value).containsExactly("100", "red");

        assertThat(service.validate(id, Map.of("favorite_color", "green", "firstname", "Ada", "age", 3)))
                .containsOnlyKeys("favorite_color", "age");
        // as a form submission would: find or create the contact and save its values in one transaction
        UUID contact = transactions.execute(tx -> {
            ContactRef ref = directory.findOrCreate(id, "form@example.com", "FORM");
            assertThatThrownBy(() -> service.save(id, ref.uuid(), Map.of("favorite_color", "green")))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("favorite_color"));
            service.save(id, ref.uuid(), Map.of("favorite_color", "red", "firstname", "Ada"));
            return ref.uuid();
        });
        JsonNode values = api.get(PREFIX + "/contacts/" + contact).data().get("current_values");
        assertThat(values.get("favorite_color").asString()).isEqualTo("red");
        assertThat(values.get("firstname").asString()).isEqualTo("Ada");
        assertThat(values.get("channel").asString()).isEqualTo("FORM");
        assertThatThrownBy(() -> service.save(id, UUID.randomUUID(), Map.of("firstname", "X")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONTACT_NOT_FOUND));
    }

    private static Map<String, JsonNode> byName(JsonNode list) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        list.forEach(a -> map.put(a.get("name").asString(), a));
        return map;
    }
}
