# Sourced by fuzz-lang.sh and fuzz-runtime.sh: Lang's front end is swift-syntax, whose modules come
# from SwiftPM's release build (the one `make release` makes) and are linked as they are, not
# instrumented. Sets `bin` (the release bin path), `syntax_objects` (their object files) and
# `syntax_flags` (swiftc flags that find their modules).
swift build -c release --scratch-path .build --target Lang >/dev/null
bin=$(swift build -c release --scratch-path .build --show-bin-path)
syntax_objects=()
for module in _SwiftSyntaxCShims SwiftSyntax SwiftSyntax509 SwiftSyntax510 SwiftSyntax600 SwiftSyntax601 \
  SwiftSyntax602 SwiftSyntax603 SwiftBasicFormat SwiftDiagnostics SwiftParser SwiftParserDiagnostics; do
  for object in "$bin/$module.build"/*.o; do
    [[ -e "$object" && "$object" != *.swiftmodule.o ]] && syntax_objects+=("$object")
  done
done
syntax_flags=(-I "$bin/Modules"
  -Xcc "-fmodule-map-file=.build/checkouts/swift-syntax/Sources/_SwiftSyntaxCShims/include/module.modulemap")
