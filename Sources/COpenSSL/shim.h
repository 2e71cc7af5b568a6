#pragma once
#include <openssl/hmac.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
