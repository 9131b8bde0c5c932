// Where the program's ELF program headers are (getauxval(AT_PHDR)) and their layout, which
// Swift's Glibc module does not include. Used to read the program's build ID (BuildID.swift).
#include <sys/auxv.h>
#include <elf.h>
