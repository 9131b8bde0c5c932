/* libyaml, the C YAML parser under PyYAML, Ruby's Psych and Yams, from Debian's libyaml-dev.
   The release build links its libyaml.a into the one static executable, as it does ncursesw. */
#ifndef KETAMINE_EXPLORER_YAML_SHIM_H
#define KETAMINE_EXPLORER_YAML_SHIM_H

#include <yaml.h>

#endif
