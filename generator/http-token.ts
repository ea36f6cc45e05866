/** An HTTP token (RFC 9110 §5.6.2): what a header name must be for fetch to send it. */
export const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
