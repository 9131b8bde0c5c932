/* libxcrypt's crypt(3), the hashes of /etc/shadow, from Debian's libcrypt-dev. The release
   build links its libcrypt.a into the one static executable. */
#ifndef KETAMINE_EXPLORER_CRYPT_SHIM_H
#define KETAMINE_EXPLORER_CRYPT_SHIM_H

#include <crypt.h>

#endif
