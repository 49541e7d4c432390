package nl.meldpunt.internalapi.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedRequestUnitTest {

	@Test
	void readWhenTheBodyIsExactlyTheLimitThenItIsReadWhole() throws IOException {
		BoundedRequest request = new BoundedRequest(request("0123456789"), 10);
		assertThat(request.getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("0123456789");
		assertThat(request.getReader().readLine()).isEqualTo("0123456789");
	}

	@Test
	void readWhenTheBodyPassesTheLimitThenBodyTooLargeByteByByteInBlocksAndThroughTheReader() throws IOException {
		BoundedRequest request = new BoundedRequest(request("0123456789x"), 10);
		InputStream single = request.getInputStream();
		for (int i = 0; i < 10; i++) {
			assertThat(single.read()).isEqualTo('0' + i);
		}
		assertThatExceptionOfType(BoundedRequest.BodyTooLarge.class).isThrownBy(single::read);
		assertThatExceptionOfType(BoundedRequest.BodyTooLarge.class)
			.isThrownBy(() -> request.getInputStream().readAllBytes());
		assertThatExceptionOfType(BoundedRequest.BodyTooLarge.class).isThrownBy(() -> request.getReader().readLine());
	}

	@Test
	void setReadListenerWhenCalledThenRefusedBecauseOnlyBlockingReadsAreCounted() throws IOException {
		ServletInputStream in = new BoundedRequest(request(""), 10).getInputStream();
		assertThatThrownBy(() -> in.setReadListener(null)).isInstanceOf(UnsupportedOperationException.class);
	}

	/**
	 * A request that answers only its body (read in blocks) and its character encoding.
	 */
	private static HttpServletRequest request(String body) {
		HttpServletRequest encoding = (HttpServletRequest) Proxy.newProxyInstance(
				BoundedRequestUnitTest.class.getClassLoader(), new Class<?>[] { HttpServletRequest.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "getCharacterEncoding" -> "UTF-8";
					default -> throw new UnsupportedOperationException(method.getName());
				});
		return new ReplayedRequest(encoding, body.getBytes(StandardCharsets.UTF_8));
	}

}
