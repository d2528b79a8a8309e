import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServer;

/**
 * The benchmark's backend (L1): a Reactor Netty server, the same stack as a WebFlux
 * service without the framework, answering every GET with a small JSON task. It also plays
 * auth-service for the gateway: it publishes the JWKS of a key made at start and writes an
 * access token signed with it. Run: java -cp 'lib/*' Backend.java PORT TOKEN_FILE ISSUER
 */
public class Backend {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		Path tokenFile = Path.of(args[1]);
		String issuer = args[2];
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
		String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
				+ b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent()))
				+ "\"}]}";
		long now = System.currentTimeMillis() / 1000;
		String header = b64("{\"alg\":\"RS256\",\"kid\":\"bench\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String payload = b64(("{\"iss\":\"" + issuer + "\",\"sub\":\"bench-user\",\"aud\":[\"taskflow-api\"],\"iat\":"
				+ now + ",\"exp\":" + (now + 6 * 3600) + ",\"scope\":\"tasks\",\"roles\":[\"USER\"],\"sid\":\"bench-session\"}")
			.getBytes(StandardCharsets.UTF_8));
		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initSign(keys.getPrivate());
		rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
		Files.writeString(tokenFile, header + "." + payload + "." + b64(rsa.sign()));
		byte[] task = "{\"id\":\"42\",\"title\":\"Benchmark task\",\"done\":false}".getBytes(StandardCharsets.UTF_8);
		HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.route((routes) -> routes
				.get("/oauth2/jwks",
						(request, response) -> response.header("Content-Type", "application/json").sendString(Mono.just(jwks)))
				.get("/**", (request, response) -> response.header("Content-Type", "application/json")
					.sendByteArray(Mono.just(task))))
			.bindNow()
			.onDispose()
			.block();
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes.length > 1 && bytes[0] == 0) ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
