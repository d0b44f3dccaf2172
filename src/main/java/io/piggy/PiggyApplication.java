package io.piggy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class PiggyApplication {
    public static void main(String[] args) {
        SpringApplication.run(PiggyApplication.class, args);
    }
}
