/* SPDX-License-Identifier: MIT */
/*
 * The device's TLS identity for shared licensing: an EC P-256 key and a
 * self-signed certificate made once and kept in the flash's private area
 * (shared-key.pem, shared-cert.pem), as an ASA keeps its self-signed
 * certificate; the TLS contexts (1.2 or later) built on them; and the
 * HMAC proofs of the shared secret (licensing/SHARED.md).
 */
#include "device/shared_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "util/util.h"

#define KEY_FILE	"shared-key.pem"
#define CERT_FILE	"shared-cert.pem"
#define CERT_DAYS	(20L * 365)

static EVP_PKEY *
key_load(const struct device *dev)
{
	size_t		 len;
	char		*pem = device_flash_read(dev, KEY_FILE, &len);
	BIO		*bio;
	EVP_PKEY	*k = NULL;

	if (pem == NULL)
		return NULL;
	if ((bio = BIO_new_mem_buf(pem, (int)len)) != NULL) {
		k = PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL);
		BIO_free(bio);
	}
	free(pem);
	return k;
}

static X509 *
cert_load(const struct device *dev)
{
	size_t	 len;
	char	*pem = device_flash_read(dev, CERT_FILE, &len);
	BIO	*bio;
	X509	*x = NULL;

	if (pem == NULL)
		return NULL;
	if ((bio = BIO_new_mem_buf(pem, (int)len)) != NULL) {
		x = PEM_read_bio_X509(bio, NULL, NULL, NULL);
		BIO_free(bio);
	}
	free(pem);
	return x;
}

/* Write what bio holds to the private file name; 0 or -1. */
static int
bio_save(const struct device *dev, const char *name, BIO *bio)
{
	char	*data;
	long	 len = BIO_get_mem_data(bio, &data);

	return len > 0 ? device_flash_write(dev, name, data, (size_t)len) : -1;
}

/* A self-signed certificate of k named after the serial number. */
static X509 *
cert_make(const struct device *dev, EVP_PKEY *k)
{
	X509		*x = X509_new();
	X509_NAME	*n;

	if (x == NULL)
		return NULL;
	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), -86400L);
	X509_gmtime_adj(X509_getm_notAfter(x), CERT_DAYS * 86400L);
	X509_set_pubkey(x, k);
	n = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC,
	    (const unsigned char *)dev->serial, -1, -1, 0);
	X509_set_issuer_name(x, n);
	if (X509_sign(x, k, EVP_sha256()) == 0) {
		X509_free(x);
		return NULL;
	}
	return x;
}

/* Make the key and certificate and keep them on flash. */
static int
identity_make(const struct device *dev, EVP_PKEY **kp, X509 **xp)
{
	EVP_PKEY	*k = EVP_EC_gen("P-256");
	X509		*x = k != NULL ? cert_make(dev, k) : NULL;
	BIO		*kb = BIO_new(BIO_s_mem()), *cb = BIO_new(BIO_s_mem());
	int		 rc = -1;

	if (x == NULL || kb == NULL || cb == NULL ||
	    PEM_write_bio_PrivateKey(kb, k, NULL, NULL, 0, NULL, NULL) != 1 ||
	    PEM_write_bio_X509(cb, x) != 1 ||
	    bio_save(dev, KEY_FILE, kb) != 0 ||
	    bio_save(dev, CERT_FILE, cb) != 0)
		goto out;
	*kp = k;
	*xp = x;
	k = NULL;
	x = NULL;
	rc = 0;
out:
	BIO_free(kb);
	BIO_free(cb);
	EVP_PKEY_free(k);
	X509_free(x);
	return rc;
}

static int
identity(const struct device *dev, SSL_CTX *ctx)
{
	EVP_PKEY	*k = key_load(dev);
	X509		*x = cert_load(dev);
	int		 rc = -1;

	if (k == NULL || x == NULL || X509_check_private_key(x, k) != 1) {
		EVP_PKEY_free(k);
		X509_free(x);
		k = NULL;
		x = NULL;
		if (identity_make(dev, &k, &x) != 0)
			return -1;
	}
	if (SSL_CTX_use_certificate(ctx, x) == 1 &&
	    SSL_CTX_use_PrivateKey(ctx, k) == 1)
		rc = 0;
	EVP_PKEY_free(k);
	X509_free(x);
	return rc;
}

SSL_CTX *
shared_tls_ctx(struct device *dev, bool server, char **cause)
{
	SSL_CTX	*ctx = SSL_CTX_new(server ? TLS_server_method() :
	    TLS_client_method());

	if (ctx == NULL ||
	    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) != 1 ||
	    (server && identity(dev, ctx) != 0)) {
		const char *why =
		    ERR_reason_error_string(ERR_peek_last_error());

		xasprintf(cause, "TLS: %s", why != NULL ? why :
		    "cannot make the key");
		ERR_clear_error();
		SSL_CTX_free(ctx);
		return NULL;
	}
	/* Self-signed on both sides: the shared secret authenticates. */
	SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
	return ctx;
}

static void
hex(const unsigned char *b, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[b[i] >> 4];
		out[2 * i + 1] = digits[b[i] & 15];
	}
	out[2 * n] = '\0';
}

void
shared_proof(const char *secret, const char *label, const unsigned char *ekm,
    const char *nonce, char out[65])
{
	unsigned char	 md[EVP_MAX_MD_SIZE];
	unsigned int	 mdlen = 0;
	size_t		 ll = strlen(label), nl = strlen(nonce);
	unsigned char	*data = xmalloc(ll + SHARED_EKM_LEN + nl);

	memcpy(data, label, ll);
	memcpy(data + ll, ekm, SHARED_EKM_LEN);
	memcpy(data + ll + SHARED_EKM_LEN, nonce, nl);
	HMAC(EVP_sha256(), secret, (int)strlen(secret), data,
	    ll + SHARED_EKM_LEN + nl, md, &mdlen);
	free(data);
	hex(md, 32, out);
}

void
shared_random_hex(char *out, size_t n)
{
	unsigned char	 b[64];

	if (n > sizeof b)
		n = sizeof b;
	if (RAND_bytes(b, (int)n) != 1)
		memset(b, 0, n);
	hex(b, n, out);
}
