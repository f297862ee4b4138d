import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { compact } from '../../lib/format';
import { MAX_PAGE_SIZE } from '../../lib/paging';
import { ErrorAlert } from '../../ui/Feedback';
import { Checkbox, SelectField, TextField } from '../../ui/Field';

const CourseChoicesDocument = graphql(`
  query CourseChoices($search: String, $first: Int) {
    courses(filter: { published: true, search: $search }, first: $first) {
      totalCount
      edges {
        node {
          id
          code
          title
        }
      }
    }
  }
`);

export interface CourseChoice {
  id: string;
  title: string;
}

/**
 * The published courses matching `search`, by title. A catalogue of years holds more than
 * one list shows: then a search field is offered, and its hint says how many are left out.
 */
function useCourseChoices(search: string) {
  const [{ data, error }] = useQuery({
    query: CourseChoicesDocument,
    variables: { ...compact({ search: search.trim() }), first: MAX_PAGE_SIZE },
  });
  const totalCount = data?.courses.totalCount ?? 0;
  return {
    courses: data?.courses.edges.map((e): CourseChoice => e.node) ?? [],
    error,
    searchable: search !== '' || totalCount > MAX_PAGE_SIZE,
    hint:
      totalCount > MAX_PAGE_SIZE
        ? `The list shows ${MAX_PAGE_SIZE} of ${totalCount} courses: type part of a title or the start of a code`
        : totalCount === 0 && data
          ? 'No course matches'
          : 'Part of a title, or the start of a code',
  };
}

/** One published course, however many there are. */
export function CourseSelect({
  label,
  value,
  onChange,
  placeholder,
  required,
}: {
  label: string;
  value: string;
  onChange: (courseId: string) => void;
  placeholder: string;
  required?: boolean;
}) {
  const [search, setSearch] = useState('');
  // The chosen course stays an option when a new search leaves it out.
  const [chosen, setChosen] = useState<CourseChoice | null>(null);
  const { courses, error, searchable, hint } = useCourseChoices(search);
  const options = courses.map((c) => ({ value: c.id, label: c.title }));
  if (value && chosen?.id === value && !courses.some((c) => c.id === value)) {
    options.unshift({ value, label: chosen.title });
  }
  return (
    <>
      {error && <ErrorAlert error={error} />}
      {searchable && (
        <TextField
          label={`Find a ${label.toLowerCase()}`}
          type="search"
          value={search}
          hint={hint}
          onChange={(e) => setSearch(e.target.value)}
        />
      )}
      <SelectField
        label={label}
        required={required}
        value={value}
        placeholder={placeholder}
        onChange={(e) => {
          setChosen(courses.find((c) => c.id === e.target.value) ?? null);
          onChange(e.target.value);
        }}
        options={options}
      />
    </>
  );
}

/** Any number of published courses, however many there are: the chosen ones stay listed while searching. */
export function CourseChecklist({
  legend,
  searchLabel,
  chosen,
  onChange,
}: {
  legend: string;
  searchLabel: string;
  chosen: CourseChoice[];
  onChange: (chosen: CourseChoice[]) => void;
}) {
  const [search, setSearch] = useState('');
  const { courses, error, searchable, hint } = useCourseChoices(search);
  const listed = [...courses, ...chosen.filter((c) => !courses.some((listedCourse) => listedCourse.id === c.id))];
  return (
    <fieldset>
      <legend>{legend}</legend>
      {error && <ErrorAlert error={error} />}
      {searchable && (
        <TextField
          label={searchLabel}
          type="search"
          value={search}
          hint={hint}
          onChange={(e) => setSearch(e.target.value)}
        />
      )}
      {listed.map((course) => (
        <Checkbox
          key={course.id}
          label={course.title}
          checked={chosen.some((c) => c.id === course.id)}
          onChange={(e) => onChange(e.target.checked ? [...chosen, course] : chosen.filter((c) => c.id !== course.id))}
        />
      ))}
    </fieldset>
  );
}
