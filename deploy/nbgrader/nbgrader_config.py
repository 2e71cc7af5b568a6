# nbgrader configuration of a Stride course (Swift cells on the Stride kernel).
# Put this file at the root of the course directory (next to source/, release/, submitted/):
# see deploy/nbgrader/README.md and the README's "Teaching with Stride" section.
c = get_config()  # noqa: F821 (provided by traitlets when nbgrader loads this file)

c.CourseDirectory.course_id = "stride-cnn-basics"

# Solution regions in Swift cells: the lines from `// BEGIN SOLUTION` to `// END SOLUTION` become
# this stub in the student version. `fatalError` stops the cell with an AssertionError, so an
# unanswered question fails its tests instead of passing silently.
c.ClearSolutions.begin_solution_delimeter = "// BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "// END SOLUTION"
c.ClearSolutions.code_stub = {"swift": '// YOUR CODE HERE\nfatalError("not answered yet")'}

# Tests between these lines are removed from the student version and run again by autograde.
c.ClearHiddenTests.begin_test_delimeter = "// BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "// END HIDDEN TESTS"

# Grading runs every notebook on the Stride kernel, whatever kernel a submission names.
# A failed `assert` is an `error` output, which nbgrader scores 0 for that test cell.
c.Execute.kernel_name = "stride"
c.Execute.timeout = 120
