package org.taskflow.auth.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskflow.auth.AuthProperties;

/**
 * The RSA keys tokens are signed with, read from a directory of {@code <kid>.pem} files
 * (in Kubernetes, a mounted Secret). Never generated per start, so tokens survive
 * restarts and every replica signs alike. Rotation: add the new key file, make it active,
 * and remove the old file once the longest-lived token it signed has expired; the JWKS
 * publishes every file meanwhile.
 */
public final class SigningKeys {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	private final List<RSAKey> keys;

	private final RSAKey active;

	private SigningKeys(List<RSAKey> keys, RSAKey active) {
		this.keys = keys;
		this.active = active;
	}

	public static SigningKeys load(AuthProperties.Keys config) {
		try {
			Path directory = config.directory();
			if (config.generateIfMissing() && pemFiles(directory).isEmpty()) {
				generate(directory);
			}
			List<RSAKey> keys = pemFiles(directory).stream().map(SigningKeys::read).toList();
			if (keys.isEmpty()) {
				throw new IllegalStateException("No signing keys (<kid>.pem) in " + directory.toAbsolutePath());
			}
			RSAKey active = (config.active() != null && !config.active().isBlank())
					? keys.stream()
						.filter((key) -> key.getKeyID().equals(config.active()))
						.findFirst()
						.orElseThrow(() -> new IllegalStateException(
								"Active signing key " + config.active() + " is not in " + directory))
					: single(keys, directory);
			logger.info("Signing with key {} of {} published", active.getKeyID(), keys.size());
			return new SigningKeys(keys, active);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public RSAKey active() {
		return this.active;
	}

	/**
	 * All keys with their private parts; the JWKS endpoint publishes only the public
	 * ones.
	 */
	public JWKSet jwkSet() {
		return new JWKSet(List.copyOf(this.keys));
	}

	private static RSAKey single(List<RSAKey> keys, Path directory) {
		if (keys.size() > 1) {
			throw new IllegalStateException("Several keys in " + directory + ": set taskflow.auth.keys.active");
		}
		return keys.getFirst();
	}

	private static List<Path> pemFiles(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".pem")).sorted().toList();
		}
	}

	private static RSAKey read(Path file) {
		try {
			String pem = Files.readString(file)
				.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
				.replaceAll("\\s", "");
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
			RSAPublicKey publicKey = (RSAPublicKey) factory
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			String kid = file.getFileName().toString().replaceFirst("\\.pem$", "");
			return new RSAKey.Builder(publicKey).privateKey(privateKey)
				.keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException | ClassCastException | IllegalArgumentException ex) {
			throw new IllegalStateException("Not a PKCS#8 RSA private key: " + file, ex);
		}
	}

	private static void generate(Path directory) throws IOException {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			byte[] encoded = generator.generateKeyPair().getPrivate().getEncoded();
			String kid = LocalDate.now() + "-" + UUID.randomUUID().toString().substring(0, 8);
			Files.createDirectories(directory);
			Path file = directory.resolve(kid + ".pem");
			Files.writeString(file,
					"-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(encoded)
							+ "\n-----END PRIVATE KEY-----\n");
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			logger.warn("Generated signing key {} in {} (local use only; production mounts keys)", kid, directory);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
