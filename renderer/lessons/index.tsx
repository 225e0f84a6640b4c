/** Lessons in the workspace: the Lessons dock tab, the step card over the canvas, and their wiring. */
import i18next from 'i18next';
import type { DockTab } from '../panels/Dock';
import { ControlPlaneTab } from './ControlPlaneTab';
import { LessonsPanel } from './LessonsPanel';
import './lessons.css';

export { LessonCard } from './LessonCard';
export { installLessons, startLesson, nextStep, previousStep, closeLesson, useLessons, addLessonText } from './store';

export const LESSON_TABS: DockTab[] = [
  {
    id: 'lessons',
    get label() {
      return i18next.t('lessons.tab');
    },
    render: () => <LessonsPanel />,
  },
  {
    id: 'control-plane',
    get label() {
      return i18next.t('lessons.controlPlane.tab');
    },
    render: () => <ControlPlaneTab />,
  },
];
