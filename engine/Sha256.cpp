#include "engine/Sha256.h"

#include <memory>
#include <openssl/evp.h>
#include <stdexcept>

namespace spikestudio {

std::string sha256Hex(std::string_view bytes) {
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                          EVP_MD_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(context.get(), digest, &length) != 1)
        throw std::runtime_error("SHA-256 is not available (OpenSSL's libcrypto failed)");
    static const char hexDigits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int k = 0; k < length; ++k) {
        hex += hexDigits[digest[k] >> 4];
        hex += hexDigits[digest[k] & 15];
    }
    return hex;
}

} // namespace spikestudio
