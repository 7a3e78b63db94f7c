#include <iostream>

#include "cli.h"
#include "dispose.h"

int main(int argc, char** argv) {
  entente::cli::set_process_ends_after_command(true);
  return entente::cli::run(argc, argv, std::cout, std::cerr);
}
