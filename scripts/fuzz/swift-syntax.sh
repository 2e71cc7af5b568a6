# Sourced by fuzz-lang.sh and fuzz-runtime.sh: Lang's front end is swift-syntax, whose modules come
# from SwiftPM's release build (the one `make release` makes) and are linked as they are, not
# instrumented. Sets `bin` (the release bin path), `syntax_objects` (their object files) and
# `syntax_flags` (swiftc flags that find their modules).
# With the flags `make release` uses (STRIDE_BUILD_FLAGS, as the Makefile passes them): with any
# other flags SwiftPM rebuilds all of swift-syntax, here and again at the next `make release`
# (8 minutes each on two cores).
# shellcheck disable=SC2206  # the flags are words
release_flags=(${STRIDE_BUILD_FLAGS---static-swift-stdlib})
swift build -c release "${release_flags[@]}" --scratch-path .build --target Lang >/dev/null
bin=$(swift build -c release "${release_flags[@]}" --scratch-path .build --show-bin-path)
syntax_objects=()
for module in _SwiftSyntaxCShims SwiftSyntax SwiftSyntax509 SwiftSyntax510 SwiftSyntax600 SwiftSyntax601 \
  SwiftSyntax602 SwiftSyntax603 SwiftBasicFormat SwiftDiagnostics SwiftParser SwiftParserDiagnostics; do
  for object in "$bin/$module.build"/*.o; do
    [[ -e "$object" && "$object" != *.swiftmodule.o ]] && syntax_objects+=("$object")
  done
done
syntax_flags=(-I "$bin/Modules"
  -Xcc "-fmodule-map-file=.build/checkouts/swift-syntax/Sources/_SwiftSyntaxCShims/include/module.modulemap")
