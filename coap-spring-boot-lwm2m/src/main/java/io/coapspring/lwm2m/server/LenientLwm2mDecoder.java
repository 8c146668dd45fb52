package io.coapspring.lwm2m.server;

import java.util.List;

import org.eclipse.leshan.core.model.LwM2mModel;
import org.eclipse.leshan.core.node.LwM2mNode;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.TimestampedLwM2mNode;
import org.eclipse.leshan.core.node.codec.CodecException;
import org.eclipse.leshan.core.node.codec.DefaultLwM2mDecoder;
import org.eclipse.leshan.core.request.ContentFormat;
import org.jspecify.annotations.Nullable;

/**
 * Leshan's decoder, made tolerant of clients that answer without a Content-Format option (LWM2M 1.0 libraries
 * such as the npm package {@code lwm2m-node-lib}): such a payload is read as plain text when it is a single
 * resource or resource instance, and as TLV otherwise (the LWM2M 1.0 defaults). Everything else is Leshan's
 * strict decoding.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class LenientLwm2mDecoder extends DefaultLwM2mDecoder {

	@Override
	public <T extends LwM2mNode> T decode(byte[] content, @Nullable ContentFormat format, LwM2mPath path,
			LwM2mModel model, Class<T> nodeClass) throws CodecException {
		return super.decode(content, (format != null) ? format : guess(path), path, model, nodeClass);
	}

	@Override
	public List<TimestampedLwM2mNode> decodeTimestampedData(byte[] content, @Nullable ContentFormat format,
			LwM2mPath path, LwM2mModel model) throws CodecException {
		return super.decodeTimestampedData(content, (format != null) ? format : guess(path), path, model);
	}

	private static ContentFormat guess(LwM2mPath path) {
		return (path.isResource() || path.isResourceInstance()) ? ContentFormat.TEXT : ContentFormat.TLV;
	}

}
