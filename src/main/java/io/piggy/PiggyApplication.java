package io.piggy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PiggyApplication {
    public static void main(String[] args) {
        SpringApplication.run(PiggyApplication.class, args);
    }
}
