// `micrograd expr FILE`: runs an expression snippet and prints its variables' data and grad.
#pragma once

namespace mg {

// argv[0] is "expr". Returns the exit code: 0, 1 when an output file cannot be written, 2 on bad input.
int expr_main(int argc, char** argv);

}  // namespace mg
