package vn.tinhso.notification;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A GreenMail SMTP server on port 3025, where the test profile sends mail. */
final class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private final GreenMail server = new GreenMail(ServerSetupTest.SMTP);

    void start() {
        server.start();
    }

    void stop() {
        server.stop();
    }

    List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
    }

    MimeMessage awaitOne(String address) {
        await().atMost(Duration.ofSeconds(15)).until(() -> to(address).size() == 1);
        return to(address).get(0);
    }

    static String body(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(MimeMessage message) {
        Matcher matcher = TOKEN.matcher(body(message));
        if (!matcher.find()) {
            throw new AssertionError("No link with a token in " + body(message));
        }
        return matcher.group(1);
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }
}
